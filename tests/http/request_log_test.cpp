#include "http/request_log.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

namespace laurel::http {
namespace {

using namespace std::chrono_literals;

class Pipe {
 public:
  Pipe() { EXPECT_EQ(::pipe(fds_), 0); }
  ~Pipe() {
    ::close(fds_[0]);
    if (fds_[1] >= 0) ::close(fds_[1]);
  }
  int write_end() const { return fds_[1]; }
  int read_end_for_test() const { return fds_[0]; }
  void close_write() {
    ::close(fds_[1]);
    fds_[1] = -1;
  }
  std::string read_all() {
    std::string out;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fds_[0], buffer, sizeof buffer)) > 0)
      out.append(buffer, n);
    return out;
  }

 private:
  int fds_[2] = {-1, -1};
};

TEST(RequestLogTest, WritesOneWholeLinePerRequest) {
  Pipe pipe;
  {
    RequestLog log(pipe.write_end(), 10ms);
    log.write("GET", "/api/v1/me", 200, 1500us, "admin", "127.0.0.1", "ab-1");
    log.write("POST", "/api/v1/users", 409, 2ms, "li", "10.0.0.2", "ab-2");
  }
  pipe.close_write();
  const auto text = pipe.read_all();
  EXPECT_NE(text.find(" info GET /api/v1/me 200 1.500ms user=admin ip=127.0.0.1 id=ab-1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(" info POST /api/v1/users 409 2.000ms user=li ip=10.0.0.2 id=ab-2\n"),
            std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  EXPECT_EQ(text.find("+00:00 info"), 23u) << "RFC 3339 time with milliseconds first";
}

TEST(RequestLogTest, FlushesWithinTheIntervalWithoutBeingDestroyed) {
  Pipe pipe;
  RequestLog log(pipe.write_end(), 20ms);
  log.write("GET", "/x", 200, 1us, "-", "ip", "id");
  std::this_thread::sleep_for(300ms);
  char buffer[256];
  const auto n = ::read(pipe.read_end_for_test(), buffer, sizeof buffer);
  EXPECT_GT(n, 0);
}

TEST(RequestLogTest, LinesFromManyThreadsStayWhole) {
  Pipe pipe;
  std::string text;
  std::thread reader([&] { text = pipe.read_all(); });
  {
    RequestLog log(pipe.write_end(), 5ms);
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t) {
      writers.emplace_back([&log, t] {
        for (int i = 0; i < 5000; ++i) {
          log.write("GET", "/thread/" + std::to_string(t), 200, 1us, "u", "ip", std::to_string(i));
        }
      });
    }
    for (auto& w : writers)
      w.join();
  }
  pipe.close_write();
  reader.join();
  std::size_t lines = 0;
  std::size_t start = 0;
  for (auto end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    const auto line = std::string_view(text).substr(start, end - start);
    ASSERT_NE(line.find(" info GET /thread/"), std::string_view::npos) << line;
    ASSERT_NE(line.find(" user=u ip=ip id="), std::string_view::npos) << line;
    ++lines;
    start = end + 1;
  }
  EXPECT_EQ(lines, 20000u);
}

}  // namespace
}  // namespace laurel::http
