/**
 * The README's flag table, written from the option table so the docs cannot drift from the
 * parser (a test compares them).
 */
import { OPTIONS } from './options.ts';

function cell(text: string): string {
  return text.replace(/[|*]/g, (character) => `\\${character}`);
}

/** The Markdown table of every flag. */
export function flagTable(): string {
  const rows = OPTIONS.filter((option) => option.name !== 'help').map((option) => {
    const placeholder = option.placeholder ? ` ${option.placeholder.replace(/\|/g, '\\|')}` : '';
    const flag = `\`--${option.name}${placeholder}\`${option.short ? ` (\`-${option.short}\`)` : ''}`;
    const commands = option.commands.join(', ');
    return `| ${flag} | ${cell(option.description)} | ${cell(option.defaultText ?? '')} | ${commands} |`;
  });
  return ['| Flag | Description | Default | Commands |', '|---|---|---|---|', ...rows].join('\n');
}
