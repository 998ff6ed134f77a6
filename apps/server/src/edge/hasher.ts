// The password hasher the edge uses (ADR 0045): argon2id with OWASP's minimum parameters, in
// plain JavaScript, because workerd refuses to compile WebAssembly at run time (hash-wasm's way)
// and has no native addon. Same PHC strings as the Node server's native hasher.
export { webArgon2Hasher as edgeHasher } from "@frontdesk/auth/argon2-web";
