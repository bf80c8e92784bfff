/** QR codes as SVG path data, made on the device with qrcode-generator (no network, no canvas). */
import qrcode from 'qrcode-generator';

export interface QrPath {
  /** Side of the square viewBox in modules, quiet zone included. */
  size: number;
  /** One `M x y h1 v1 h-1 z` square per dark module. */
  d: string;
}

/**
 * Encodes `text` (error correction M) with a 4-module quiet zone. Text made only of digits,
 * upper-case letters and `-` uses the compact alphanumeric mode, as a recovery key does.
 */
export function qrPath(text: string, margin = 4): QrPath {
  const qr = qrcode(0, 'M');
  qr.addData(text, /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'Alphanumeric' : 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + margin} ${r + margin}h1v1h-1z`;
  }
  return { size: n + 2 * margin, d };
}
