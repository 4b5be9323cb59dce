/**
 * The one script every page loads (bundled as a classic script, see
 * src/integrations/client-scripts.ts): each part below looks for its own elements and does
 * nothing on pages without them.
 */
import './disk-links.ts';
import './theme.ts';
import './font-size.ts';
import './filter.ts';
import './parallel-view.ts';
import './permalinks.ts';
import './search-ui.ts';
import './offline.ts';
