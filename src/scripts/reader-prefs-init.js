/*
 * Applies the reader's stored theme and text size to <html> before the first paint, so a page
 * never flashes in the wrong colours. Written into every page's <head>, minified
 * (src/lib/inline-scripts.ts), and allowed by the Content-Security-Policy by its hash; everything
 * else about the controls lives in theme.ts and font-size.ts. Plain JavaScript, run as it is.
 * Keep the keys and values in step with `preferences.ts` (a test checks).
 */
(function () {
  var root = document.documentElement;
  try {
    var theme = localStorage.getItem('baoku:theme');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
    var size = localStorage.getItem('baoku:font-size');
    if (size === 'small' || size === 'large') root.setAttribute('data-font-size', size);
  } catch (e) {
    // Storage blocked: the system theme and the default size apply.
  }
})();
