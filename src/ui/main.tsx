import { render } from 'preact';
import { engine } from './engine-client.ts';

function App() {
  return <main><h1>Closeout</h1></main>;
}
render(<App />, document.getElementById('app')!);
void engine().listVaults();
