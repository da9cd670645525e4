// Designsystemet's theme and component CSS, then the app's own layout.
import "@digdir/designsystemet-css/theme";
import "@digdir/designsystemet-css";
import "./app.css";
import "./grants/grants.css";
import "./duties/duties.css";
import "./search/search.css";
