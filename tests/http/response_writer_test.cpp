#include "http/response_writer.hpp"

#include <gtest/gtest.h>

namespace laurel::http {
namespace {

std::string written(const Response& response, Framing framing) {
  std::string out;
  write_response(response, framing, out);
  return out;
}

TEST(ResponseWriterTest, FramesABodyWithItsLength) {
  auto out = written(Response::text(201, "{\"id\":1}", "application/json"), {});
  EXPECT_EQ(out,
            "HTTP/1.1 201 Created\r\nServer: Laurel\r\nContent-Type: application/json\r\n"
            "Content-Length: 8\r\n\r\n{\"id\":1}");
}

TEST(ResponseWriterTest, SaysCloseWhenTheConnectionEnds) {
  auto out = written(Response::text(200, "x", "text/plain"), {false, false, 11});
  EXPECT_NE(out.find("\r\nConnection: close\r\n"), std::string::npos);
  auto http10 = written(Response::text(200, "x", "text/plain"), {true, false, 10});
  EXPECT_TRUE(http10.starts_with("HTTP/1.0 200 OK\r\n"));
  EXPECT_NE(http10.find("\r\nConnection: keep-alive\r\n"), std::string::npos);
}

TEST(ResponseWriterTest, HeadKeepsTheLengthAndDropsTheBody) {
  auto out = written(Response::text(200, "hello", "text/plain"), {true, true, 11});
  EXPECT_NE(out.find("Content-Length: 5\r\n"), std::string::npos);
  EXPECT_TRUE(out.ends_with("\r\n\r\n"));
}

TEST(ResponseWriterTest, NoContentAndNotModifiedCarryNoLengthOrBody) {
  EXPECT_EQ(written(Response::no_content(), {}),
            "HTTP/1.1 204 No Content\r\nServer: Laurel\r\n\r\n");
  Response not_modified;
  not_modified.status = 304;
  not_modified.set_header("ETag", "\"abc\"");
  EXPECT_EQ(written(not_modified, {}),
            "HTTP/1.1 304 Not Modified\r\nServer: Laurel\r\nETag: \"abc\"\r\n\r\n");
}

TEST(ResponseWriterTest, RefusesToSplitTheResponse) {
  Response r = Response::text(200, "", "text/plain");
  r.set_header("X-Evil", "a\r\nSet-Cookie: stolen=1");
  r.set_header("Content-Length", "999");
  const auto out = written(r, {});
  EXPECT_EQ(out.find("stolen"), std::string::npos);
  EXPECT_EQ(out.find("999"), std::string::npos);
  EXPECT_NE(out.find("Content-Length: 0\r\n"), std::string::npos);
}

TEST(ResponseWriterTest, ReasonPhrases) {
  EXPECT_EQ(reason_phrase(429), "Too Many Requests");
  EXPECT_EQ(reason_phrase(599), "");
}

}  // namespace
}  // namespace laurel::http
