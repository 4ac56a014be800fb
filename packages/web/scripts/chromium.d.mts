// Types of chromium.mjs for the TypeScript tests that import it.
import type { Browser, Page } from 'playwright-core';

export declare const CHROMIUM: string;
export declare function launchChromium(): Promise<Browser>;
export declare function dropFiles(page: Page, files: readonly { name: string; text: string }[]): Promise<void>;
export declare function waitForDiagnosis(page: Page, files?: number): Promise<void>;
