// The analyst API from the browser: every call sends `Authorization: Bearer <token>`.
//
// The token comes from the address (`/#token=…`, as `npm start` prints it), is then removed
// from the address bar (so it is not bookmarked or shared by accident) and kept in
// sessionStorage for this tab; or the person types it into the sign-in form.
// Errors are the API's `{ code, message: { vi, en } }`, thrown as ApiError.

const TOKEN_KEY = 'tonghop.token';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message?.en ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? 'TH_ERR_HTTP';
    this.text = body?.message ?? { vi: `Lỗi HTTP ${status}`, en: `HTTP ${status}` };
  }
}

/** Takes `token=` out of the fragment into sessionStorage; returns the token in force, if any. */
export function takeTokenFromAddress() {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromAddress = fragment.get('token');
  if (fromAddress) {
    setToken(fromAddress);
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(null, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  }
  return getToken();
}

export function getToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // No storage: the token lasts until the tab is reloaded.
  }
}

async function call(path) {
  const token = getToken();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    let body;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw new ApiError(response.status, body);
  }
  return response;
}

/** GET /v1/… as JSON. `query`: an object of parameters (undefined ones are left out). */
export async function getJson(path, query = {}) {
  const response = await call(withQuery(path, query));
  return response.json();
}

export function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Fetches with the token and saves the answer as a file (the browser's download). */
export async function download(path, fallbackName) {
  const response = await call(path);
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/**
 * Opens an original report (GET /v1/reports/:id/file needs the token, so a plain link cannot
 * fetch it): the tab is opened at once, while the click still counts as the person's, then
 * pointed at the fetched file, at `page` for a PDF.
 */
export async function openFile(path, page) {
  const tab = window.open('', '_blank');
  try {
    const response = await call(path);
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const target = blob.type === 'application/pdf' && page ? `${url}#page=${page}` : url;
    if (tab) tab.location.href = target;
    else location.assign(target);
  } catch (err) {
    tab?.close();
    throw err;
  }
}

function fileNameOf(disposition) {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : undefined;
}
