/* Entry point of libcamp-image.elf: the whole core archive linked with picolibc and no OS
 * library. It is never run; linking it proves every symbol the core needs is in libc. */
int main(void);
int main(void)
{
    return 0;
}
