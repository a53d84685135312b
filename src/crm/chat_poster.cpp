#include "crm/chat_poster.hpp"

#include <curl/curl.h>

#include <mutex>

namespace laurel::crm {
namespace {

constexpr std::size_t kAnswerLimit = 64 * 1024;

std::size_t keep_answer(char* data, std::size_t size, std::size_t count, void* out) {
  auto& answer = *static_cast<std::string*>(out);
  const std::size_t n = size * count;
  answer.append(data, std::min(n, kAnswerLimit - std::min(kAnswerLimit, answer.size())));
  return n;
}

class CurlPoster : public ChatPoster {
 public:
  CurlPoster() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  HttpReply post(const ChatRequest& request, std::chrono::milliseconds timeout) override {
    HttpReply reply;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) {
      reply.error = "libcurl could not start a request";
      return reply;
    }
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers)
      headers = curl_slist_append(headers, (name + ": " + value).c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                            curl_slist_free_all);
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(c, CURLOPT_USERAGENT, "Laurel");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_answer);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply.body);
    const CURLcode code = curl_easy_perform(c);
    if (code != CURLE_OK) {
      reply.error = curl_easy_strerror(code);
      reply.body.clear();
      return reply;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
    return reply;
  }
};

}  // namespace

std::unique_ptr<ChatPoster> make_curl_poster() {
  return std::make_unique<CurlPoster>();
}

}  // namespace laurel::crm
