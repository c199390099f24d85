// Process signals for the dpsctp apps: SIGINT/SIGTERM request a graceful stop, SIGHUP a
// reload. The handlers only set flags (async-signal-safe); the poll loop reads them.
#pragma once

namespace dpsctp::apps {

/// Installs the handlers (sigaction, SA_RESTART). Call once, before the poll loop.
void install_signal_handlers();
/// True once SIGINT or SIGTERM arrived.
bool stop_requested();
/// True once per SIGHUP received since the last call.
bool take_reload_request();

}  // namespace dpsctp::apps
