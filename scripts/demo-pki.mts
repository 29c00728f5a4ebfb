// Mints the demo bot's local CA and its certificate for localhost / 127.0.0.1 into a directory
// (default data/demo-bot-pki). npm start runs it, then gives the CA to the console
// (WEBHOOK_EXTRA_CA_FILE) and the certificate to the demo bot's https listener.
import path from "node:path";
import { mintLocalPki } from "../lib/dev/tls/local-pki";

const dir = path.resolve(process.argv[2] ?? "data/demo-bot-pki");
const pki = await mintLocalPki(dir);
console.log(
  JSON.stringify({
    caFile: pki.ca.caFile,
    certFile: pki.valid.certFile,
    keyFile: pki.valid.keyFile,
  }),
);
