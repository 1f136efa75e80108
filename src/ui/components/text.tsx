import { Text as InkText, type TextProps } from 'ink';
import { Children } from 'react';
import { printable } from '../../process/printable.js';

/**
 * ink's Text, with every string in it made printable: the wizard draws titles, entries, paths
 * and lock owners from files someone else may have written, and an escape sequence among them
 * must show as a character (␛), never reach the terminal. Every view draws text through this.
 */
export function Text({ children, ...props }: TextProps) {
  // A tab would move the cursor past ink's layout: two spaces, as the fields write it.
  return <InkText {...props}>{Children.map(children, (child) => (typeof child === 'string' ? printable(child).replace(/\t/g, '  ') : child))}</InkText>;
}
