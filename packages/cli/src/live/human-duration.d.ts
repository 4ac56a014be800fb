/** Port of k8s.io/apimachinery/pkg/util/duration.HumanDuration: `5s`, `2m13s`, `66m`, `2d7h`, `3y12d`. */
export declare function humanDuration(ms: number): string;
