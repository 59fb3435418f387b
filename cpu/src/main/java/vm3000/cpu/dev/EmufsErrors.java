package vm3000.cpu.dev;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Host failures as emufs result codes, the way System/161 maps errno (bus/dev_emufs.c,
 * errno_to_code): ENOENT is a bad path, EIO a media error, ENOSPC no space, EEXIST, EISDIR and
 * ENOTDIR their own codes, anything else (EACCES, ENOTEMPTY, ...) "unknown other error".
 *
 * <p>Java gives no errno, and the message it gives is the C library's, in the language of the
 * host's LC_MESSAGES. So errors are told apart by the exception's type; EISDIR, ENOTDIR and a link
 * met where none may be (ELOOP) are decided by the operations themselves from what is on the host
 * ({@link EmufsOps}, {@link EmufsNames}); only ENOSPC, EDQUOT and EIO, which Java names by message
 * alone, are recognised by the C library's English text, as a last resort: under another language
 * they are result 12 (docs/devices.md).
 */
final class EmufsErrors {
    private EmufsErrors() {}

    static int code(Throwable t) {
        if (t instanceof UncheckedIOException || t instanceof DirectoryIteratorException) t = t.getCause();
        if (t instanceof NoSuchFileException || t instanceof InvalidPathException
                || t instanceof FileSystemLoopException) return Emufs.RES_BADPATH;
        if (t instanceof FileAlreadyExistsException) return Emufs.RES_EXISTS;
        if (t instanceof NotDirectoryException) return Emufs.RES_NOTDIR;
        if (t instanceof AccessDeniedException || t instanceof DirectoryNotEmptyException) return Emufs.RES_UNKNOWN;
        String m = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
        if (m == null) return Emufs.RES_UNKNOWN;
        if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) return Emufs.RES_NOSPACE;
        if (m.contains("Input/output error")) return Emufs.RES_MEDIA;
        return Emufs.RES_UNKNOWN;
    }
}
