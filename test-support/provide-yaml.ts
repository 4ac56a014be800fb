// Tests call parsers and generators directly (not through the main entry, which provides `yaml` at import), so
// every test file starts with the library provided. lite.test.ts resets the modules to test the on-demand path.
import * as yaml from 'yaml';
import { provideYaml } from '../packages/core/src/yaml-lib.js';

provideYaml(yaml);
