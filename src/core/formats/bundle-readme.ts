/**
 * README.txt of an archive bundle, in Chinese and English: how to verify and decrypt it with
 * `unzip`, `minisign`, `sha256sum` and `age` alone, for someone who never saw Closeout. Its
 * SHA-256 is in the signed manifest, so altered instructions are detected. CRLF line ends, so
 * Windows Notepad shows it properly; every other tool reads CRLF too.
 */

export interface ReadmeFacts {
  number: string;
  createdAt: string;
  appVersion: string;
  keyId: string;
  /** minisign public key, base64 line. */
  publicKey: string;
  passphrase: boolean;
}

/** The README text for a bundle (deterministic in its facts). */
export function bundleReadme(f: ReadmeFacts): string {
  const file = `${f.number}.closeout`;
  const ageCmd = f.passphrase ? 'age -d -o payload.zip payload.age' : 'age -d -i custody-key.txt -o payload.zip payload.age';
  const zhKey = f.passphrase
    ? '   本包以口令加密：age 会提示输入口令（口令另行保管，不在本包中）。'
    : '   custody-key.txt 是本包加密所用的托管密钥（AGE-SECRET-KEY-1… 一行），由托管人另行保管；\n   口令保护的密钥文件（以 -----BEGIN AGE ENCRYPTED FILE----- 开头）同样用 -i，age 会提示输入其口令。\n   manifest.json 的 "recipients" 列出可解密的公钥（age1…）。';
  const enKey = f.passphrase
    ? '   This bundle is encrypted to a passphrase: age asks for it (it is kept apart, never in here).'
    : '   custody-key.txt is the custody key the bundle was encrypted to (one AGE-SECRET-KEY-1… line),\n   held by its custodian. A passphrase-protected key file (starting -----BEGIN AGE ENCRYPTED\n   FILE-----) works with -i too: age asks for its passphrase. The "recipients" in manifest.json\n   list the public keys (age1…) that can decrypt it.';
  const lines = [
    `Closeout 归档包 / archive bundle ${f.number}`,
    `创建时间 / created: ${f.createdAt} (UTC) · Closeout ${f.appVersion}`,
    `签名公钥 / signing key: ${f.keyId}`,
    '',
    '中文说明',
    '========',
    `本文件 ${file} 是 ZIP 格式的归档包，含四个文件：`,
    '  README.txt             本说明',
    '  manifest.json          清单（无个人信息）：编号、时间、数量、payload.age 的大小与 SHA-256、收件公钥、签名公钥',
    '  manifest.json.minisig  清单的 minisign 签名',
    '  payload.age            加密内容（age v1），解密后是一个 ZIP：records.jsonl、records.csv、',
    '                         attachments/、checklist.json、audit-log.jsonl、bundle.json',
    '',
    '核验与解密（工具：unzip、minisign、sha256sum、age，均为公开的开源工具）：',
    `1. 解压：unzip ${file} -d ${f.number}`,
    `   然后 cd ${f.number}`,
    `2. 验证清单签名：minisign -Vm manifest.json -P ${f.publicKey}`,
    '   应显示 "Signature and comment signature verified"。',
    `   请将密钥编号 ${f.keyId} 与登记簿或销毁证明上的签名密钥编号核对；一致才说明清单出自该保险库。`,
    '3. 核对加密内容：sha256sum payload.age',
    '   结果须与 manifest.json 中 "payload" 下的 "sha256" 完全一致（Windows：certutil -hashfile payload.age SHA256）。',
    `4. 解密：${ageCmd}`,
    zhKey,
    '5. 解压内容：unzip payload.zip -d contents',
    '   records.jsonl 每行一个客户记录（JSON，UTF-8）；records.csv 为同样内容的表格（UTF-8 带 BOM，Excel 可直接打开）；',
    '   attachments/ 为附件；checklist.json 为善后检查清单；audit-log.jsonl 为审计日志（每行的 prev 是上一行的 SHA-256）。',
    '',
    '内容含客户个人信息：仅在受控环境中解密，用毕按规定销毁解密副本。',
    '',
    'English',
    '=======',
    `${file} is a ZIP file holding four files:`,
    '  README.txt             these instructions',
    '  manifest.json          the manifest (no personal data): number, time, counts, size and SHA-256 of',
    '                         payload.age, recipients\' public keys, the signer\'s public key',
    '  manifest.json.minisig  minisign signature of the manifest',
    '  payload.age            the encrypted contents (age v1); decrypted, it is a ZIP of records.jsonl,',
    '                         records.csv, attachments/, checklist.json, audit-log.jsonl, bundle.json',
    '',
    'To verify and decrypt it (tools: unzip, minisign, sha256sum, age — all open source):',
    `1. Unpack: unzip ${file} -d ${f.number}`,
    `   then cd ${f.number}`,
    `2. Verify the manifest's signature: minisign -Vm manifest.json -P ${f.publicKey}`,
    '   It must print "Signature and comment signature verified".',
    `   Compare the key id ${f.keyId} with the signing key id on the register or the destruction`,
    '   certificate: only a match shows the manifest came from that vault.',
    '3. Check the encrypted contents: sha256sum payload.age',
    '   The result must equal "sha256" under "payload" in manifest.json',
    '   (Windows: certutil -hashfile payload.age SHA256).',
    `4. Decrypt: ${ageCmd}`,
    enKey,
    '5. Unpack the contents: unzip payload.zip -d contents',
    '   records.jsonl has one customer record per line (JSON, UTF-8); records.csv is the same as a table',
    '   (UTF-8 with BOM, opens in Excel); attachments/ holds the attachments; checklist.json the wind-down',
    '   checklist; audit-log.jsonl the audit log (each line\'s "prev" is the SHA-256 of the line before).',
    '',
    'The contents are customers\' personal information: decrypt only in a controlled place, and destroy',
    'decrypted copies as your procedures require.',
    '',
  ];
  return lines.join('\r\n');
}
