import '@/src/zodConfig';
import { render } from 'preact';
import { App } from '@/src/ui/App';

render(<App />, document.getElementById('app')!);
