// spdlog set-up for dpsctp-gateway: one asynchronous logger (a background thread writes;
// the lcore only enqueues, and on overflow the oldest line is dropped rather than the
// lcore blocking). Level and file from the config's `logging` section.
#pragma once

#include <memory>
#include <string>

#include "config/gateway_config.h"

namespace spdlog {
class logger;
}

namespace dpsctp::gateway {

/// The logger, also made spdlog's default; nullptr plus a message when the file cannot
/// be opened.
std::shared_ptr<spdlog::logger> make_logger(const config::LoggingSection& c, std::string* error);

}  // namespace dpsctp::gateway
