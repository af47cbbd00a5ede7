#version 440
// An I420 picture to RGB: the same conversion libswscale makes on the other paths (ITU-R BT.601,
// limited range), so a film looks the same on every scene graph.

layout(location = 0) in vec2 coord;
layout(location = 0) out vec4 fragColor;

layout(std140, binding = 0) uniform Block {
    mat4 matrix;
    float opacity;
};

layout(binding = 1) uniform sampler2D planeY;
layout(binding = 2) uniform sampler2D planeU;
layout(binding = 3) uniform sampler2D planeV;

void main()
{
    float y = 1.164384 * (texture(planeY, coord).r - 16.0 / 255.0);
    float u = texture(planeU, coord).r - 128.0 / 255.0;
    float v = texture(planeV, coord).r - 128.0 / 255.0;
    vec3 rgb = vec3(y + 1.596027 * v, y - 0.391762 * u - 0.812968 * v, y + 2.017232 * u);
    fragColor = vec4(clamp(rgb, 0.0, 1.0), 1.0) * opacity;
}
