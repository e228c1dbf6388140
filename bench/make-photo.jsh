// Writes a 4000 x 3000 (12 megapixel) JPEG with photo-like detail to the path in the PHOTO environment variable.
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
var w = 4000;
var h = 3000;
var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
var random = new java.util.Random(42);
for (int y = 0; y < h; y++) {
    for (int x = 0; x < w; x++) {
        int n = random.nextInt(24);
        int r = Math.min(255, (x * 255 / w) + n);
        int g = Math.min(255, (y * 255 / h) + n);
        int b = Math.min(255, ((x + y) % 256) / 2 + n);
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
    }
}
ImageIO.write(image, "jpg", new java.io.File(System.getenv("PHOTO")));
/exit
