import { createMemoryDeliveryLog } from '../../../infra/alert/alert-delivery-log.memory.ts';
import { deliveryLogContract } from './alert-delivery-log.contract.ts';

deliveryLogContract('memory', () => Promise.resolve(createMemoryDeliveryLog()));
