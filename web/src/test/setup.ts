/** Setup for the web unit tests (happy-dom): unmount what a test rendered, so the next starts empty. */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Tells React the tests drive updates through act(), so it does not warn about it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  cleanup();
});
