/** Host glue: once Office is ready, render the pane over the Office.js actions, in Office's light or dark theme. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { App } from './components/App';
import { hostActions } from './host';
import { paneStore } from './pane-store';
import { isDarkBackground } from './theme';

function officeBackground(): string | undefined {
  try {
    return Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined; // officeTheme is missing on some hosts (Excel on the web before theming)
  }
}

function Pane() {
  const [dark, setDark] = React.useState(() => isDarkBackground(officeBackground()));
  React.useEffect(() => {
    // Desktop Excel reports theme changes; elsewhere the call is refused and the first theme stays.
    const onChange = () => setDark(isDarkBackground(officeBackground()));
    try {
      Office.context.document.addHandlerAsync(Office.EventType.OfficeThemeChanged ?? 'officeThemeChanged', onChange, () => undefined);
    } catch {
      /* not supported here */
    }
  }, []);
  const theme = dark ? webDarkTheme : webLightTheme;
  React.useEffect(() => {
    document.body.style.background = theme.colorNeutralBackground1;
  }, [theme]);
  return (
    <FluentProvider theme={theme}>
      <App actions={hostActions()} store={paneStore()} />
    </FluentProvider>
  );
}

// The promise form: Office calls back either way, and so does any host that only resolves.
void Office.onReady().then(() => {
  const container = document.getElementById('root');
  if (container) createRoot(container).render(<Pane />);
});
