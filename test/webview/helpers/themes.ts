// The theme variables VS Code injects into webviews (a subset: the ones the
// pages use), for the light and dark default themes.
export type ThemeName = 'light' | 'dark';

export const THEMES: Record<ThemeName, { bodyClass: string; variables: Record<string, string> }> = {
  dark: {
    bodyClass: 'vscode-dark',
    variables: {
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace',
      '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f', '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-button-hoverBackground': '#026ec1',
      '--vscode-input-background': '#313131', '--vscode-input-foreground': '#cccccc', '--vscode-input-border': '#3c3c3c',
      '--vscode-focusBorder': '#0078d4', '--vscode-errorForeground': '#f85149', '--vscode-panel-border': '#2b2b2b',
      '--vscode-charts-blue': '#3794ff', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185', '--vscode-charts-purple': '#b180d7',
      '--vscode-editor-selectionBackground': '#264f78', '--vscode-editor-findMatchHighlightBackground': '#ea5c0055',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    variables: {
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace',
      '--vscode-foreground': '#3b3b3b', '--vscode-editor-background': '#ffffff', '--vscode-descriptionForeground': '#717171',
      '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-button-hoverBackground': '#0258a8',
      '--vscode-input-background': '#ffffff', '--vscode-input-foreground': '#3b3b3b', '--vscode-input-border': '#cecece',
      '--vscode-focusBorder': '#005fb8', '--vscode-errorForeground': '#e51400', '--vscode-panel-border': '#e5e5e5',
      '--vscode-charts-blue': '#1a85ff', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#388a34', '--vscode-charts-purple': '#652d90',
      '--vscode-editor-selectionBackground': '#add6ff', '--vscode-editor-findMatchHighlightBackground': '#ea5c0055',
    },
  },
};
