export { piSandboxPlugin } from './plugin';
export { buildPiSandbox } from './server';
export { PI_SANDBOX_DEV_API_KEY, type PiSandboxOptions } from './options';
export { PiSandboxClient, PiSandboxHttpError, type NewPaymentInput, type PlatformClient } from './client';
export type {
  HorizonLink,
  HorizonOperation,
  HorizonOperationsPage,
  HorizonProblem,
  HorizonTransaction,
  JsonObject,
  PiErrorBody,
  PiPayment,
  PiUser,
  PlatformErrorFault,
  SandboxConfig,
  SandboxFaults,
  SandboxUser,
} from './types';
