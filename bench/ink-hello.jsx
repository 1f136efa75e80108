// The floor under any ink prompt: ink 6 and React 19 drawing one line and reading keys (Ctrl+C
// ends it), bundled by esbuild as a published ink CLI usually is. `npm run bench` times it and
// weighs it beside the wizard and @clack/prompts.
import { render, Text, useInput } from 'ink';

function Prompt() {
  useInput(() => {});
  return <Text>Title of the postmortem</Text>;
}

render(<Prompt />);
