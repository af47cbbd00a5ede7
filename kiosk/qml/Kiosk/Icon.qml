import QtQuick
import QtQuick.Shapes

// A line icon drawn on a 24x24 grid, so it stays sharp from 1280x800 to 4K.
Item {
    id: icon

    property string name: ""
    property color color: Theme.text
    property bool filled: name === "play"

    readonly property var paths: ({
            "next": "M9 5 L16 12 L9 19",
            "previous": "M15 5 L8 12 L15 19",
            "down": "M5 9 L12 16 L19 9",
            "home": "M3.5 11 L12 3.8 L20.5 11 M6 9 L6 20 L18 20 L18 9 M10 20 L10 14 L14 14 L14 20",
            "close": "M6 6 L18 18 M18 6 L6 18",
            "enlarge": "M4 9 L4 4 L9 4 M15 4 L20 4 L20 9 M20 15 L20 20 L15 20 M9 20 L4 20 L4 15",
            "text": "M2.5 19 L7.5 6 L12.5 19 M4.4 14.5 L10.6 14.5 M14 19 L17.5 10 L21 19 M15.3 16.2 L19.7 16.2",
            "play": "M8 5 L19 12 L8 19 Z",
            "volume": "M4 9.5 L7.5 9.5 L12 5.5 L12 18.5 L7.5 14.5 L4 14.5 Z M15 9 C16.3 10.6 16.3 13.4 15 15 M17.8 6.5 C20.6 9.6 20.6 14.4 17.8 17.5",
            "globe": "M12 3 A9 9 0 1 0 12.01 3 M3 12 L21 12 M12 3 C7.5 7.5 7.5 16.5 12 21 M12 3 C16.5 7.5 16.5 16.5 12 21",
            "listen": "M4 14 L4 11 A8 8 0 0 1 20 11 L20 14 M4 14 L4 19 L7.5 19 L7.5 14 Z M20 14 L20 19 L16.5 19 L16.5 14 Z",
            "stop": "M7 7 L17 7 L17 17 L7 17 Z",
            "plus": "M12 5 L12 19 M5 12 L19 12",
            "minus": "M5 12 L19 12",
            "contrast": "M12 3 A9 9 0 1 0 12.01 3 M12 3 L12 21",
            "reach": "M12 3 L12 15 M7 10 L12 15 L17 10 M5 20 L19 20",
            "sign": "M8 20 L8 10 M8 10 C8 7 11 7 11 10 L11 4 C11 2.5 13.5 2.5 13.5 4 L13.5 10 L13.5 5.5 C13.5 4 16 4 16 5.5 L16 14 C16 18 13.5 20 11 20 L8 20"
        })

    implicitWidth: Theme.px(36)
    implicitHeight: Theme.px(36)

    Shape {
        width: 24
        height: 24
        scale: Math.min(icon.width, icon.height) / 24
        transformOrigin: Item.TopLeft
        x: (icon.width - Math.min(icon.width, icon.height)) / 2
        y: (icon.height - Math.min(icon.width, icon.height)) / 2

        ShapePath {
            strokeColor: icon.color
            strokeWidth: 2
            fillColor: icon.filled ? icon.color : "transparent"
            capStyle: ShapePath.RoundCap
            joinStyle: ShapePath.RoundJoin
            PathSvg {
                path: icon.paths[icon.name] || ""
            }
        }
    }
}
