/* The public header compiles alone under -std=c99 -pedantic (and the
 * build's warning flags), and its version macros agree with the library. */
#include <casia.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    if (casia_version_number() != CASIA_VERSION_HEX ||
        strcmp(casia_version(), CASIA_VERSION_STRING) != 0) {
        fprintf(stderr, "header %s, library %s\n", CASIA_VERSION_STRING,
                casia_version());
        return 1;
    }
    return 0;
}
