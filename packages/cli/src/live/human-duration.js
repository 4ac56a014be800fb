// kubectl's age format, shared by live mode (render.ts) and the fixture harness (fixtures/harness/lib/util.mjs), which
// runs as plain Node without a TypeScript step — hence plain JavaScript with a declaration file beside it.

/**
 * Port of k8s.io/apimachinery/pkg/util/duration.HumanDuration: `5s`, `2m13s`, `66m`, `2d7h`, `3y12d`.
 * @param {number} ms elapsed milliseconds
 * @returns {string}
 */
export function humanDuration(ms) {
  const seconds = Math.trunc(ms / 1000);
  // Up to two seconds in the future count as now (clock skew between machines).
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / 60000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / 3600000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}
