// A local PKI for the fault lab and the demo bot, minted at run time with the openssl CLI (no
// shell, EC P-256 keys): a CA, a valid server certificate for localhost / 127.0.0.1 signed by it,
// and three broken variants (expired, wrong host name, self-signed). Nothing is checked in;
// everything lives in a temporary directory that cleanup() removes, or in the given directory.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** A certificate and its private key, as PEM strings and as files. */
export interface KeyPair {
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
}

export type ServerCertKind = "valid" | "expired" | "wrongHost" | "selfSigned";

export interface LocalPki {
  /** Directory holding every file below. */
  dir: string;
  ca: {
    /** PEM of the local CA: pass it as `ca` to https/tls/http2 clients. */
    cert: string;
    /** Path of the CA's PEM file (e.g. for NODE_EXTRA_CA_CERTS or curl --cacert). */
    caFile: string;
  };
  /** Signed by the CA; SANs DNS:localhost, IP:127.0.0.1; valid from now for two days. */
  valid: KeyPair;
  /** Signed by the CA, same SANs, but notAfter is in the past. */
  expired: KeyPair;
  /** Signed by the CA, valid dates, but the only SAN is DNS:other.invalid. */
  wrongHost: KeyPair;
  /** SANs localhost / 127.0.0.1 and valid dates, but self-signed (not signed by the CA). */
  selfSigned: KeyPair;
  /** The pair of the given kind. */
  server(kind: ServerCertKind): KeyPair;
  /** Removes the directory (if mintLocalPki created it) and forgets the cached PKI. */
  cleanup(): Promise<void>;
}

const LEAF_EXTENSIONS = (san: string) =>
  [
    "basicConstraints = critical, CA:FALSE",
    "keyUsage = critical, digitalSignature",
    "extendedKeyUsage = serverAuth",
    `subjectAltName = ${san}`,
    "subjectKeyIdentifier = hash",
  ].join("\n");

const LOCALHOST_SAN = "DNS:localhost, IP:127.0.0.1";

const cache = new Map<string, Promise<LocalPki>>();

/**
 * Mints (once per process and directory) a local PKI: the fault lab's certificates in tests,
 * the demo bot's under `npm start`. Without `dir` a temporary directory is
 * created and removed by cleanup(); with `dir` the files are written there and cleanup() only
 * forgets the cache.
 */
export function mintLocalPki(dir?: string): Promise<LocalPki> {
  const key = dir === undefined ? "" : path.resolve(dir);
  let pki = cache.get(key);
  if (!pki) {
    pki = mint(dir, () => cache.delete(key));
    cache.set(key, pki);
    pki.catch(() => cache.delete(key));
  }
  return pki;
}

async function openssl(cwd: string, args: string[]): Promise<void> {
  try {
    await execFileAsync("openssl", args, { cwd, env: { ...process.env, OPENSSL_CONF: "" } });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`openssl ${args.join(" ")} failed: ${stderr || String(error)}`);
  }
}

/** A date as openssl ca wants it: YYYYMMDDHHMMSSZ (GeneralizedTime). */
function asn1Time(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z`;
}

async function mint(dir: string | undefined, forget: () => void): Promise<LocalPki> {
  const ownDir = dir === undefined;
  const root = ownDir ? await mkdtemp(path.join(os.tmpdir(), "fault-lab-pki-")) : path.resolve(dir);
  if (!ownDir) await mkdir(root, { recursive: true });
  try {
    const file = (name: string) => path.join(root, name);
    const ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
    // A minimal config so the host's openssl.cnf plays no part.
    await writeFile(
      file("req.cnf"),
      [
        "[req]",
        "distinguished_name = dn",
        "prompt = no",
        "[dn]",
        "CN = unused",
        "[ca_ext]",
        "basicConstraints = critical, CA:TRUE",
        "keyUsage = critical, keyCertSign, cRLSign",
        "subjectKeyIdentifier = hash",
        "[self_ext]",
        LEAF_EXTENSIONS(LOCALHOST_SAN),
        "",
      ].join("\n"),
    );
    await writeFile(file("leaf.ext"), `${LEAF_EXTENSIONS(LOCALHOST_SAN)}\n`);
    await writeFile(file("wrong-host.ext"), `${LEAF_EXTENSIONS("DNS:other.invalid")}\n`);

    // The CA, and the self-signed server certificate, which is its own root.
    const selfSignedDone = openssl(root, [
      "req",
      "-x509",
      "-config",
      "req.cnf",
      ...ecKey,
      "-keyout",
      "self-signed.key",
      "-out",
      "self-signed.pem",
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-extensions",
      "self_ext",
    ]);
    await openssl(root, [
      "req",
      "-x509",
      "-config",
      "req.cnf",
      ...ecKey,
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-days",
      "3",
      "-subj",
      "/CN=Fault Lab Test CA",
      "-extensions",
      "ca_ext",
    ]);

    const request = (name: string, cn: string) =>
      openssl(root, [
        "req",
        "-new",
        "-config",
        "req.cnf",
        ...ecKey,
        "-keyout",
        `${name}.key`,
        "-out",
        `${name}.csr`,
        "-subj",
        `/CN=${cn}`,
      ]);
    const sign = (name: string, extFile: string, serial: string) =>
      openssl(root, [
        "x509",
        "-req",
        "-in",
        `${name}.csr`,
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-set_serial",
        serial,
        "-days",
        "2",
        "-sha256",
        "-extfile",
        extFile,
        "-out",
        `${name}.pem`,
      ]);

    const validDone = request("valid", "localhost").then(() => sign("valid", "leaf.ext", "0x1001"));
    const wrongHostDone = request("wrong-host", "other.invalid").then(() =>
      sign("wrong-host", "wrong-host.ext", "0x1002"),
    );
    // openssl 3.0's x509 has no -not_before/-not_after, so the expired certificate goes through
    // `openssl ca`, whose -startdate/-enddate take explicit dates.
    const expiredDone = (async () => {
      await writeFile(file("ca-index.txt"), "");
      await writeFile(file("ca-serial"), "2001\n");
      await writeFile(
        file("ca.cnf"),
        [
          "[ca]",
          "default_ca = test_ca",
          "[test_ca]",
          `dir = ${root}`,
          "database = $dir/ca-index.txt",
          "serial = $dir/ca-serial",
          "new_certs_dir = $dir",
          "certificate = $dir/ca.pem",
          "private_key = $dir/ca.key",
          "default_md = sha256",
          "policy = any_policy",
          "unique_subject = no",
          "email_in_dn = no",
          "[any_policy]",
          "commonName = supplied",
          "[leaf_ext]",
          LEAF_EXTENSIONS(LOCALHOST_SAN),
          "",
        ].join("\n"),
      );
      await request("expired", "localhost");
      const day = 24 * 60 * 60 * 1000;
      const now = Date.now();
      await openssl(root, [
        "ca",
        "-batch",
        "-notext",
        "-config",
        "ca.cnf",
        "-extensions",
        "leaf_ext",
        "-startdate",
        asn1Time(new Date(now - 30 * day)),
        "-enddate",
        asn1Time(new Date(now - day)),
        "-in",
        "expired.csr",
        "-out",
        "expired.pem",
      ]);
    })();
    await Promise.all([selfSignedDone, validDone, wrongHostDone, expiredDone]);

    const pair = async (name: string): Promise<KeyPair> => ({
      cert: await readFile(file(`${name}.pem`), "utf8"),
      key: await readFile(file(`${name}.key`), "utf8"),
      certFile: file(`${name}.pem`),
      keyFile: file(`${name}.key`),
    });
    const [valid, expired, wrongHost, selfSigned] = await Promise.all([
      pair("valid"),
      pair("expired"),
      pair("wrong-host"),
      pair("self-signed"),
    ]);
    const pairs: Record<ServerCertKind, KeyPair> = { valid, expired, wrongHost, selfSigned };
    return {
      dir: root,
      ca: { cert: await readFile(file("ca.pem"), "utf8"), caFile: file("ca.pem") },
      ...pairs,
      server: (kind) => pairs[kind],
      cleanup: async () => {
        forget();
        if (ownDir) await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    forget();
    if (ownDir) await rm(root, { recursive: true, force: true });
    throw error;
  }
}
