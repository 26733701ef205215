/** The signer lives in the product now (the playground signs its requests too); this path stays for older imports. */
export * from '../../src/playground/standin/signer.ts';
