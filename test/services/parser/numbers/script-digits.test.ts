import { describe, expect, it } from 'vitest';
import { toScriptDigits } from '../../../../services/parser/numbers/script-digits.ts';

describe('toScriptDigits', () => {
  it('maps every digit', () => {
    expect(toScriptDigits('0123456789', 'sup')).toBe('⁰¹²³⁴⁵⁶⁷⁸⁹');
    expect(toScriptDigits('0123456789', 'sub')).toBe('₀₁₂₃₄₅₆₇₈₉');
    expect(toScriptDigits('¹²₃,4', 'sup')).toBe('¹²³,⁴');
  });
});
