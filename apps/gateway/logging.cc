// Asynchronous spdlog logger (logging.h).
#include "apps/gateway/logging.h"

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace dpsctp::gateway {

std::shared_ptr<spdlog::logger> make_logger(const config::LoggingSection& c, std::string* error) {
  try {
    spdlog::init_thread_pool(8192, 1);
    spdlog::sink_ptr sink;
    if (c.file.empty()) {
      sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    } else {
      sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(c.file, /*truncate=*/false);
    }
    auto logger = std::make_shared<spdlog::async_logger>(
        "dpsctp-gateway", sink, spdlog::thread_pool(), spdlog::async_overflow_policy::overrun_oldest);
    logger->set_level(spdlog::level::from_str(c.level));
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    // A background thread flushes the file every second (tail -f, and tests, see lines
    // without waiting for the buffer to fill); the lcore never flushes.
    spdlog::flush_every(std::chrono::seconds(1));
    return logger;
  } catch (const spdlog::spdlog_ex& e) {
    *error = std::string("logging.file: ") + e.what();
    return nullptr;
  }
}

}  // namespace dpsctp::gateway
