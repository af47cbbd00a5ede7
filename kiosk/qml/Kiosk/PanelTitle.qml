import QtQuick

// The heading of a panel, in the heading face of its language.
LocalizedText {
    heading: true
    pixelSize: Theme.titleSize
    lineHeight: 1.1
    maximumLineCount: 3
}
