import { render } from 'preact';
import { App } from './App.tsx';
import { startPwa } from './pwa.ts';
import './styles.css';

startPwa();

render(<App />, document.getElementById('app')!);
