import { render } from 'preact';
import { openDatabase } from '@/utils/db';
import { App } from './App';

render(<App db={openDatabase()} />, document.getElementById('app')!);
