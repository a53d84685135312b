#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <fstream>

namespace laurel::http {
namespace {

namespace fs = std::filesystem;

std::string gunzip(const std::string& data) {
  z_stream stream{};
  inflateInit2(&stream, 15 + 16);
  std::string out(data.size() * 20 + 1024, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  inflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    root_ = fs::temp_directory_path() / ("laurel-static-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "assets");
    write("index.html", "<!doctype html><title>Laurel</title>" + std::string(500, ' '));
    write("assets/app.abc123.js", "console.log('laurel');" + std::string(400, ';'));
    write("logo.png", std::string("\x89PNG\r\n", 6));
    fs::create_directories(root_.parent_path() / "secret-dir");
  }
  ~StaticFilesTest() override { fs::remove_all(root_); }
  void write(const std::string& name, const std::string& content) {
    std::ofstream(root_ / name, std::ios::binary) << content;
  }
  Request get(std::string path, std::vector<Header> headers = {}) {
    Request r;
    r.method = "GET";
    r.path = std::move(path);
    r.headers = std::move(headers);
    return r;
  }

  fs::path root_;
};

TEST_F(StaticFilesTest, ServesWithContentTypeAndEtag) {
  StaticFiles files(root_);
  auto r = files.serve(get("/logo.png"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200u);
  EXPECT_EQ(r->header("Content-Type"), "image/png");
  EXPECT_FALSE(r->header("ETag").empty());
  EXPECT_EQ(r->body.size(), 6u);
  EXPECT_EQ(r->header("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, AnswersNotModifiedToAMatchingEtag) {
  StaticFiles files(root_);
  const auto etag = std::string(files.serve(get("/index.html"))->header("ETag"));
  auto again = files.serve(get("/index.html", {{"If-None-Match", etag}}));
  EXPECT_EQ(again->status, 304u);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(files.serve(get("/index.html", {{"If-None-Match", "W/" + etag}}))->status, 304u);
  EXPECT_EQ(files.serve(get("/index.html", {{"If-None-Match", "\"other\""}}))->status, 200u);
}

TEST_F(StaticFilesTest, GzipsTextForClientsThatAcceptIt) {
  StaticFiles files(root_);
  auto plain = files.serve(get("/assets/app.abc123.js"));
  auto zipped = files.serve(get("/assets/app.abc123.js", {{"Accept-Encoding", "gzip, br"}}));
  EXPECT_TRUE(plain->header("Content-Encoding").empty());
  EXPECT_EQ(zipped->header("Content-Encoding"), "gzip");
  EXPECT_EQ(zipped->header("Vary"), "Accept-Encoding");
  EXPECT_LT(zipped->body.size(), plain->body.size());
  EXPECT_EQ(gunzip(zipped->body), plain->body);
  EXPECT_EQ(zipped->header("Cache-Control"), "public, max-age=31536000, immutable");
  auto refused = files.serve(get("/assets/app.abc123.js", {{"Accept-Encoding", "gzip;q=0"}}));
  EXPECT_TRUE(refused->header("Content-Encoding").empty());
  auto png = files.serve(get("/logo.png", {{"Accept-Encoding", "gzip"}}));
  EXPECT_TRUE(png->header("Content-Encoding").empty()) << "images are not recompressed";
}

TEST_F(StaticFilesTest, FallsBackToIndexForAppRoutesOnly) {
  StaticFiles files(root_);
  auto route = files.serve(get("/clients/42"));
  ASSERT_TRUE(route);
  EXPECT_EQ(route->header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_FALSE(files.serve(get("/missing.js")));
  EXPECT_EQ(files.serve(get("/"))->header("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(StaticFilesTest, NeverLeavesTheFolder) {
  StaticFiles files(root_);
  for (const char* path : {"/../secret-dir", "/assets/../../secret-dir", "/%2e%2e/secret-dir",
                           "/..%2fsecret-dir", "/assets/%00"}) {
    auto r = files.serve(get(path));
    if (r) {
      EXPECT_EQ(r->header("Content-Type"), "text/html; charset=utf-8") << path;
    }
  }
  EXPECT_FALSE(files.serve(get("/../etc/passwd.txt")));
}

TEST_F(StaticFilesTest, NoticesARebuiltFile) {
  StaticFiles files(root_);
  EXPECT_EQ(files.serve(get("/logo.png"))->body.size(), 6u);
  write("logo.png", std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(files.serve(get("/logo.png"))->body.size(), 8u);
}

}  // namespace
}  // namespace laurel::http
