/** The stand-in lives in the product now (the playground runs it too); this path stays for older imports. */
export * from '../../src/playground/standin/server.ts';
