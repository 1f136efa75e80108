import { EventEmitter } from 'node:events';

/** A terminal whose size the test sets, and a keyboard that goes through the app's own filter. */
export class FakeStdout extends EventEmitter {
  isTTY = true;
  last = '';
  constructor(public columns: number, public rows: number) {
    super();
  }
  write = (frame: string) => {
    this.last = frame;
    return true;
  };
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read() {
    const data = this.data;
    this.data = null;
    return data;
  }
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}
