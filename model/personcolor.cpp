#include "personcolor.h"

namespace Etagere {

namespace {

/// FNV-1a, 32 bits: unlike qHash() it has no per-process seed.
quint32 stableHash(const QByteArray &bytes)
{
    quint32 hash = 2166136261u;
    for (const char byte : bytes) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

const QList<QColor> &personPalette()
{
    static const QList<QColor> palette{
        QColor(0x1e, 0x6f, 0xd9), // blue
        QColor(0xd3, 0x2f, 0x2f), // red
        QColor(0x2e, 0x7d, 0x32), // green
        QColor(0x8e, 0x24, 0xaa), // purple
        QColor(0xc2, 0x5e, 0x00), // orange
        QColor(0x00, 0x79, 0x6b), // teal
        QColor(0xc2, 0x18, 0x8a), // magenta
        QColor(0x6d, 0x4c, 0x41), // brown
        QColor(0x39, 0x49, 0xab), // indigo
        QColor(0x54, 0x6e, 0x7a), // blue grey
    };
    return palette;
}

QColor personColor(const QString &user)
{
    const QList<QColor> &palette = personPalette();
    return palette.at(int(stableHash(user.toUtf8()) % quint32(palette.size())));
}

} // namespace Etagere
