// A deliberately broken HTTP server for ready-bench's tests, on 127.0.0.1 only:
//   fault_server hang|reset|garbage PORT_FILE [LIFETIME_SECONDS]
// listens on an ephemeral port, writes the port to PORT_FILE, and for every connection reads
// the request, then: hang — never answers; reset — closes with a TCP reset; garbage — answers
// something that is not HTTP. It exits by itself after LIFETIME_SECONDS (default 60), so a
// failed test can never leave it running.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>

namespace {

void serve(int fd, const std::string& mode) {
  char buffer[4096];
  (void)!::read(fd, buffer, sizeof buffer);  // the request, or enough of it
  if (mode == "hang") {
    std::this_thread::sleep_for(std::chrono::hours(1));
  } else if (mode == "reset") {
    linger abortive{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
  } else {
    const char reply[] = "THIS IS NOT HTTP\r\n\r\n\x01\x02";
    (void)!::write(fd, reply, sizeof reply - 1);
  }
  ::close(fd);
}

}  // namespace

int main(int argc, char* argv[]) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: fault_server hang|reset|garbage PORT_FILE [LIFETIME_SECONDS]\n");
    return 2;
  }
  const std::string mode = argv[1];
  if (mode != "hang" && mode != "reset" && mode != "garbage") return 2;
  const int lifetime = argc > 3 ? std::atoi(argv[3]) : 60;
  std::thread([lifetime] {
    std::this_thread::sleep_for(std::chrono::seconds(lifetime));
    std::_Exit(0);
  }).detach();

  const int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(listener, 128) != 0 ||
      getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    std::perror("fault_server");
    return 1;
  }
  {
    const std::string tmp = std::string(argv[2]) + ".tmp";
    std::ofstream(tmp) << ntohs(address.sin_port) << '\n';
    std::rename(tmp.c_str(), argv[2]);  // whole, or not at all: the test polls for it
  }
  while (true) {
    const int fd = accept(listener, nullptr, nullptr);
    if (fd >= 0) std::thread(serve, fd, mode).detach();
  }
}
