/** The theme control (light / dark / system) in the site header. */
import { bindPreferenceButtons, THEME } from './preferences.ts';

const group = document.querySelector<HTMLElement>('[data-theme-control]');
if (group) bindPreferenceButtons(group, THEME);
