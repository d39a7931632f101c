/** The product version shown in the console and the OpenAPI document. */
export const VERSION = '0.1.0';
