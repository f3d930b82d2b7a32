// Whether the window is narrower than an antd breakpoint. Before antd has measured (the first
// render) it answers no, as AppLayout does: a desktop is not laid out as a phone for one render.
import { Grid } from 'antd';

export function useNarrowerThan(breakpoint: 'sm' | 'md' | 'lg'): boolean {
  return Grid.useBreakpoint()[breakpoint] === false;
}
