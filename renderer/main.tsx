import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import './styles.css';
import './styles/id-check.css';
import './styles/pages-fit.css';
import './styles/receipt-check.css';
import './styles/backup.css';
import './styles/fields.css';
import './styles/data-life.css';
import './styles/setup.css';
import { App } from './app/App';
import { bootstrap } from './app/bootstrap';

bootstrap();
createRoot(document.getElementById('root')!).render(<App />);
