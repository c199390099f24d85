// Signal flags (see signals.h).
#include "signals.h"

#include <csignal>

namespace dpsctp::apps {
namespace {

// Written by the signal handler, read by the main lcore: sig_atomic_t is what a handler
// may write (C++ [support.signal]).
volatile std::sig_atomic_t g_stop = 0;
volatile std::sig_atomic_t g_reload = 0;

extern "C" void on_signal(int sig) {
  if (sig == SIGHUP) {
    g_reload = 1;
  } else {
    g_stop = 1;
  }
}

}  // namespace

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
}

bool stop_requested() { return g_stop != 0; }

bool take_reload_request() {
  if (g_reload == 0) return false;
  g_reload = 0;
  return true;
}

}  // namespace dpsctp::apps
