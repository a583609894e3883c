"""Opens two TUN devices and execs the link emulator with them as fds 3 and 4.

Node cannot issue the TUNSETIFF ioctl that attaches a file descriptor of /dev/net/tun
to a device without a native addon; this shim does only that, so the emulator itself
stays in TypeScript. Usage: tun-open.py HOSTDEV NSDEV -- node args...
The devices are not persistent: they disappear when the emulator exits.
"""
import fcntl
import os
import struct
import sys

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000


def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def main():
    host_dev, ns_dev, sep, *cmd = sys.argv[1:]
    if sep != "--" or not cmd:
        sys.exit("usage: tun-open.py HOSTDEV NSDEV -- command...")
    for target, name in ((3, host_dev), (4, ns_dev)):
        fd = open_tun(name)
        if fd != target:
            os.dup2(fd, target)
            os.close(fd)
        os.set_inheritable(target, True)
    os.execvp(cmd[0], cmd)


main()
