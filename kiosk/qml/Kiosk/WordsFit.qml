import QtQuick

// The size at which ``text``, wrapped at this item's width, takes at most ``room`` in height:
// ``largest`` when it fits, smaller down to ``smallest`` when not (a long quote, large text).
// Wrapped text grows with the square of its size, nearly: a first guess from the words at full
// size, corrected by the words at that guess (lines break anew). Never seen.
Item {
    id: fit

    property string text
    property string family
    property real largest
    property real smallest
    property real room
    property real lineHeight: 1.25
    readonly property real firstGuess: fitted(largest, fullSize.implicitHeight)
    readonly property real size: Math.min(firstGuess, fitted(firstGuess, guessed.implicitHeight))

    function fitted(size, wordsHeight) {
        if (room <= 0 || wordsHeight <= room)
            return size;
        return Math.max(smallest, Math.floor(size * Math.sqrt(room / wordsHeight) * 0.98));
    }

    height: 0
    opacity: 0

    Text {
        id: fullSize
        width: fit.width
        text: fit.text
        font.family: fit.family
        font.pixelSize: fit.largest
        lineHeight: fit.lineHeight
        wrapMode: Text.Wrap
    }
    Text {
        id: guessed
        width: fit.width
        text: fit.text
        font.family: fit.family
        font.pixelSize: fit.firstGuess
        lineHeight: fit.lineHeight
        wrapMode: Text.Wrap
    }
}
