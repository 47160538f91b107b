import { packageFile } from '../../util/packageFile.js';

/**
 * The font files the PNG renderer may use: DejaVu Sans, vendored in assets/fonts (free licence, see LICENSE.txt
 * there) so a PNG has the same pixels on every machine whatever fonts it has installed.
 */
export const FONT_FILES: readonly string[] = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => packageFile(`assets/fonts/${f}`));
