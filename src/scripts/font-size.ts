/** The text size control (smaller / default / larger) in the site header. */
import { bindPreferenceButtons, FONT_SIZE } from './preferences.ts';

const group = document.querySelector<HTMLElement>('[data-font-size-control]');
if (group) bindPreferenceButtons(group, FONT_SIZE);
