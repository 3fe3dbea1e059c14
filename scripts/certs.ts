import { ensureCertificates } from "../server/shared/tls";

const paths = ensureCertificates();
process.stdout.write(`Local certificate authority: ${paths.caCert}\nlocalhost certificate: ${paths.cert}\n`);
